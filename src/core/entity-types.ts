/** The kinds of named entity: what mentions are typed as and entities resolved to. */
export const ENTITY_TYPES = ["person", "organization", "place"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
