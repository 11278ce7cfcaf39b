import { identifyingItemIds, listInstruments } from '@attune/survey';

export interface IdentifyingItems {
  readonly instrumentId: string;
  readonly version: number;
  readonly itemIds: readonly string[];
}

/** Every shipped instrument version with free-text items flagged identifying, and those items. */
export function identifyingItems(): IdentifyingItems[] {
  return listInstruments().flatMap((instrument) => {
    const itemIds = identifyingItemIds(instrument);
    return itemIds.length === 0 ? [] : [{ instrumentId: instrument.id, version: instrument.version, itemIds }];
  });
}
