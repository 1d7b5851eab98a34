// Short descriptions of the hand-defined metrics, in our own words. Sub-system copies use the SUPERVISION text.
export const DESCRIPTIONS: Readonly<Record<string, string>> = {};
