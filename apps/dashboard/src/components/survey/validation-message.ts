import type { Item, ValidationCode } from '@attune/survey';

/**
 * Participant-facing words for libs/survey's codes. The phone and the API share the codes, so a
 * refusal from the server reads exactly like the phone's own check.
 */
export function validationMessage(code: string, item: Item): string {
  switch (code as ValidationCode) {
    case 'REQUIRED':
      if (item.kind === 'multi-choice' && (item.minSelected ?? 0) === 0) return 'Please tick the options that apply, or “None of these”.';
      return item.kind === 'text' || item.kind === 'numeric'
        ? 'Please enter an answer to continue.'
        : 'Please choose an answer to continue.';
    case 'OUT_OF_RANGE':
      return outOfRange(item);
    case 'NOT_AN_INTEGER':
      return 'Please enter a whole number.';
    case 'NOT_AN_OPTION':
      return 'Please choose one of the options.';
    case 'TOO_LONG':
      return item.kind === 'text' ? `Please shorten your answer to ${item.maxLength} characters or fewer.` : 'This answer is too long.';
    case 'WRONG_TYPE':
      return item.kind === 'numeric' ? 'Please enter a number, using digits.' : 'This answer could not be used. Please answer again.';
    case 'UNKNOWN_ITEM':
      return 'This question is no longer part of the questionnaire; you can skip it.';
    default:
      return 'This answer could not be saved. Please answer again.';
  }
}

function outOfRange(item: Item): string {
  if (item.kind === 'numeric') return `Please enter a number from ${item.min} to ${item.max}.`;
  if (item.kind === 'multi-choice') {
    const min = item.minSelected ?? 0;
    const max = item.maxSelected ?? item.options.length;
    return min === max ? `Please choose exactly ${min}.` : `Please choose between ${min} and ${max} options.`;
  }
  return 'This answer is outside the allowed range. Please answer again.';
}
