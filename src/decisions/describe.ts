import type { Decision, EntityAnchor } from "./types.js";

const entity = (e: EntityAnchor) => `${e.names[0]} [${e.type}]`;

/** What a decision says, in one line. */
export function describeDecision(d: Decision): string {
  const p = d.payload;
  switch (p.kind) {
    case "same-as":
      return `${entity(p.entities[0])} is ${entity(p.entities[1])}`;
    case "not-same-as":
      return `${entity(p.entities[0])} is not ${p.entities[1].names.join(" / ")}`;
    case "unsure":
      return `unsure whether ${entity(p.entities[0])} is ${entity(p.entities[1])}`;
    case "reject-mention":
      return `"${p.mention.text}" at ${p.mention.start}–${p.mention.end} of ${p.mention.document.slice(0, 12)} names no entity`;
    case "retype-mention":
      return `"${p.mention.text}" at ${p.mention.start}–${p.mention.end} of ${p.mention.document.slice(0, 12)} is a ${p.type}`;
    case "rename-entity":
      return `${entity(p.entity)} is called ${p.name}`;
    case "reject-claim":
      return `${p.claim.property} "${p.claim.value}" is wrong (quote ${p.claim.start}–${p.claim.end} of ${p.claim.document.slice(0, 12)})`;
    case "set-field":
      return `${p.field} is ${p.value}`;
    case "name-rule": {
      const where = p.pathPrefix ? ` under ${p.pathPrefix}` : "";
      const a = p.action;
      const what = a.do === "reject" ? "names no entity" : a.do === "retype" ? `is a ${a.type}` : `is ${a.name}`;
      return `every "${p.name}"${where} ${what}`;
    }
    case "undo":
      return `undo decision ${d.undoes ?? "?"}`;
  }
}
