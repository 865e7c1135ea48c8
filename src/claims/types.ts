export type ClaimSubjectKind = "event" | "entity";

export interface ClaimRecord {
  subjectKind: ClaimSubjectKind;
  subjectId: string;
  property: string;
  value: string;
  /** Entity the value names, when it names one (participants, relation targets). */
  valueEntityId?: string;
  /** Side in a conflict, role in an event and the like. */
  qualifier?: string;
  documentId: string;
  start: number;
  end: number;
  quoteStart: number;
  quoteEnd: number;
  extractor: string;
  confidence: number;
}
