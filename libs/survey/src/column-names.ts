// Export column names. Item ids cannot contain "__" at a boundary we rely on, so collisions are
// still possible in principle (an item "a__b" next to a multi-choice "a" with option "b");
// defineInstrument rejects any instrument whose column names are not unique.

export function optionColumnName(itemId: string, optionValue: string): string {
  return `${itemId}__${optionValue}`;
}

export function scaleColumnName(scaleId: string): string {
  return `${scaleId}_score`;
}
