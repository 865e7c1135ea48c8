import type { ClaimRow } from "../store/knowledge.js";
import type { Citation } from "./types.js";

export function citation(claim: ClaimRow): Citation {
  return {
    document: claim.document,
    start: claim.start,
    end: claim.end,
    quote: claim.quote,
    extractor: claim.extractor,
    ...(claim.page === undefined ? {} : { page: claim.page }),
  };
}
