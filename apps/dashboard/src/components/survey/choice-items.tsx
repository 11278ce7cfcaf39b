import {
  type AttentionCheckItem,
  type IosItem,
  type LikertItem,
  localize,
  type LocalizedText,
  type ManipulationCheckItem,
  type SingleChoiceItem,
} from '@attune/survey';
import { ChoiceList, type ChoiceOptionView } from './choice-list';
import { IosFigure, IosPicture } from './ios-picture';
import { ItemShell, type ItemViewProps } from './item-shell';

function likertOptions(item: LikertItem, language: string): ChoiceOptionView[] {
  const min = item.min ?? 1;
  return Array.from({ length: item.points }, (_, index) => {
    const point = min + index;
    const own = item.pointLabels?.[index];
    const end = index === 0 ? item.endLabels?.min : index === item.points - 1 ? item.endLabels?.max : undefined;
    const text = own ?? end;
    // A bare number is its own label; next to words the number is only a visual aid.
    return {
      value: point,
      label: (
        <>
          <span className="choice-point" aria-hidden={text ? 'true' : undefined}>
            {point}
          </span>
          {text ? <span className="choice-text">{localize(text, language)}</span> : null}
        </>
      ),
    };
  });
}

/** Likert: one labelled option per point, top to bottom. */
export function LikertView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<LikertItem>) {
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      error={error}
    >
      {(ids) => (
        <ChoiceList
          name={ids.base}
          options={likertOptions(item, language)}
          selected={typeof value === 'number' ? value : null}
          onSelect={(point) => onAnswer(point)}
          invalid={error !== null}
        />
      )}
    </ItemShell>
  );
}

type OptionItem = SingleChoiceItem | AttentionCheckItem | ManipulationCheckItem;

/** Single choice, attention and manipulation checks: all one-of-n option lists to the participant. */
export function OptionView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<OptionItem>) {
  const options = item.options.map((option) => ({
    value: option.value,
    label: <span className="choice-text">{localize(option.label, language)}</span>,
  }));
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      error={error}
    >
      {(ids) => (
        <ChoiceList
          name={ids.base}
          options={options}
          selected={typeof value === 'string' ? value : null}
          onSelect={(choice) => onAnswer(String(choice))}
          invalid={error !== null}
        />
      )}
    </ItemShell>
  );
}

/** IOS v1: seven tappable pictures, each with its words ("Picture 4 of 7: Equal overlap"). */
function iosV1Options(labels: readonly LocalizedText[], language: string): ChoiceOptionView[] {
  return labels.map((label, index) => ({
    value: index + 1,
    className: 'ios-option',
    label: (
      <>
        <IosPicture point={index + 1} />
        <span className="choice-text">
          Picture {index + 1} of 7: {localize(label, language)}
        </span>
      </>
    ),
  }));
}

/**
 * IOS v2: the original pictures with Self and Other inside the circles and no words beside them;
 * each option's accessible name ("Picture 4 of 7", localised) is visually hidden.
 */
function iosV2Options(item: IosItem, names: readonly LocalizedText[], language: string): ChoiceOptionView[] {
  const self = localize(item.selfLabel, language);
  const other = localize(item.otherLabel, language);
  return names.map((name, index) => ({
    value: index + 1,
    className: 'ios-option',
    label: (
      <>
        <IosFigure point={index + 1} self={self} other={other} />
        <span className="visually-hidden">{localize(name, language)}</span>
      </>
    ),
  }));
}

/** IOS: seven tappable pictures; v1 (pointLabels) with words beside them, v2 (pictureLabels) without. */
export function IosView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<IosItem>) {
  const self = localize(item.selfLabel, language);
  const other = localize(item.otherLabel, language);
  const options =
    item.pictureLabels !== undefined ? iosV2Options(item, item.pictureLabels, language) : iosV1Options(item.pointLabels ?? [], language);
  // v2 writes Self and Other inside the circles, as the original does; v1 explains them.
  const hint =
    item.pictureLabels !== undefined ? null : (
      <>
        In each picture the left circle is “{self}” and the right circle is “{other}”.
      </>
    );
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      hint={hint}
      error={error}
    >
      {(ids) => (
        <ChoiceList
          name={ids.base}
          options={options}
          selected={typeof value === 'number' ? value : null}
          onSelect={(point) => onAnswer(point)}
          invalid={error !== null}
        />
      )}
    </ItemShell>
  );
}
