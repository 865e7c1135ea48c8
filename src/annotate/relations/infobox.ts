import type { InfoboxField, Span } from "../../core/document.js";
import type { EventContext } from "../events/context.js";
import { commandersOf, valueParts, type Commander } from "../events/infobox-values.js";
import { sideOfKey } from "../events/sides.js";
import { spansWithin } from "../events/spans.js";
import type { EntityType } from "../mentions/types.js";
import type { RelationEnd, RelationMention, RelationType } from "./types.js";

interface Side {
  combatants: { end: RelationEnd; field: InfoboxField }[];
  commanders: { commander: Commander; field: InfoboxField }[];
}

const TITLE_OF =
  /^(leader|head|chief|chairman|secretary(?:[- ]general)?|general secretary|commander(?:-in-chief)?)\s+of\s+(?:the\s+)?(.+)$/i;

function sidesOf(context: EventContext): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const field of context.document.infobox) {
    if (field.start < context.covered.start || field.start >= context.covered.end) continue;
    const key = sideOfKey(field.key);
    if (key === undefined) continue;
    const side = sides.get(key) ?? { combatants: [], commanders: [] };
    sides.set(key, side);
    if (/^commander/i.test(field.key)) {
      for (const commander of commandersOf(field, context.mentions)) side.commanders.push({ commander, field });
      continue;
    }
    for (const part of field.values.flatMap(valueParts)) {
      const mention = spansWithin(context.mentions, part.start, part.end).find(
        (m) => m.end - m.start === part.end - part.start,
      );
      const type: EntityType =
        mention?.type === "person" ? "person" : mention?.type === "place" ? "place" : "organization";
      side.combatants.push({
        end: { start: part.start, end: part.end, name: mention?.name ?? part.text, type },
        field,
      });
    }
  }
  return sides;
}

function lineSpan(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** "Muhammad Habib, Leader of Baghdad Communist Cell": the commander led the body named in the title. */
function titleRelation(commander: Commander, field: InfoboxField): RelationMention | undefined {
  const title = commander.title;
  const match = title && TITLE_OF.exec(title.text);
  if (!title || !match) return undefined;
  const name = match[2]!;
  const start = title.start + title.text.length - name.length;
  const type: RelationType = /^commander/i.test(match[1]!) ? "commanded" : "led";
  const source: RelationEnd = { start: commander.start, end: commander.end, name: commander.name, type: "person" };
  const target: RelationEnd = { start, end: title.end, name, type: "organization" };
  return {
    type,
    source,
    target,
    quote: { start: field.start, end: field.end },
    extractor: "infobox-title",
    confidence: 0.8,
  };
}

/**
 * From an infobox: each commander commanded the organizations on their side, each side fought
 * against the others, and a commander's title ("Leader of X") says whom they led.
 */
export function infoboxRelations(context: EventContext): RelationMention[] {
  const out: RelationMention[] = [];
  const sides = [...sidesOf(context).entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [, side] of sides) {
    for (const { commander, field } of side.commanders) {
      const source: RelationEnd = { start: commander.start, end: commander.end, name: commander.name, type: "person" };
      for (const combatant of side.combatants) {
        if (combatant.end.type !== "organization") continue;
        const quote = lineSpan(field, combatant.field);
        out.push({
          type: "commanded",
          source,
          target: combatant.end,
          quote,
          extractor: "infobox-commander",
          confidence: 0.75,
        });
      }
      const titled = titleRelation(commander, field);
      if (titled) out.push(titled);
    }
  }
  sides.forEach(([, a], i) => {
    for (const [, b] of sides.slice(i + 1)) {
      for (const x of a.combatants) {
        for (const y of b.combatants) {
          const quote = lineSpan(x.field, y.field);
          out.push({
            type: "fought-against",
            source: x.end,
            target: y.end,
            quote,
            extractor: "infobox-sides",
            confidence: 0.9,
          });
        }
      }
    }
  });
  return out;
}
