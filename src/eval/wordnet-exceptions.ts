/**
 * Irregular inflections that ROUGE-1.5.5 maps to their base form before Porter stemming (its
 * `WordNet-2.0.exc.db`, built from WordNet 2.0's exception lists). Empty until measured to matter.
 */
export const WORDNET_EXCEPTIONS: ReadonlyMap<string, string> = new Map();
