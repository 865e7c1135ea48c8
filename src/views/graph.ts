import type { KnowledgeStore } from "../store/knowledge.js";
import { citation } from "./citations.js";
import type { Graph, GraphEdge } from "./types.js";

/** Actors linked by typed relations, each edge carrying the quotes that state it. */
export function actorGraph(knowledge: KnowledgeStore): Graph {
  const edges = new Map<string, GraphEdge>();
  for (const claim of knowledge.claims("entity")) {
    if (!claim.valueEntityId || claim.valueEntityId === claim.subjectId) continue;
    const id = `${claim.subjectId}|${claim.property}|${claim.valueEntityId}`;
    const edge = edges.get(id) ?? {
      id,
      source: claim.subjectId,
      target: claim.valueEntityId,
      type: claim.property,
      evidence: [],
    };
    edge.evidence.push(citation(claim));
    edges.set(id, edge);
  }
  const nodeIds = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  const nodes = [...nodeIds]
    .map((id) => knowledge.findEntity(id))
    .filter((e) => e !== undefined)
    .map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions }));
  return { nodes, edges: [...edges.values()] };
}
