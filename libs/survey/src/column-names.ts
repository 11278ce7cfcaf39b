// Export column names. A multi-choice item gets one 0/1 column per option (item__option) and a
// scale gets scale_score. Ids can still collide with those names (an item "a__b" beside a
// multi-choice "a" with option "b", an item "x_score" beside a scale "x"), so defineInstrument
// rejects any instrument whose column names are not unique.

export function optionColumnName(itemId: string, optionValue: string): string {
  return `${itemId}__${optionValue}`;
}

export function scaleColumnName(scaleId: string): string {
  return `${scaleId}_score`;
}
