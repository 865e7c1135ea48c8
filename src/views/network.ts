import { createRequire } from "node:module";
import type { UndirectedGraph } from "graphology";
import type louvainModule from "graphology-communities-louvain";
import type { EntityType } from "../annotate/mentions/types.js";
import { foldToken, nameKey } from "../core/name-key.js";
import type { KnowledgeStore, LinkedActor } from "../store/knowledge.js";
import { citation } from "./citations.js";
import type { ActorNetwork, DatedEdge } from "./graph.js";
import { overlapsPeriod } from "./timeline.js";
import type { Graph, GraphEdge } from "./types.js";

/** Which part of the network to show. */
export interface GraphFilter {
  /** A name in any spelling: the actors it matches and their neighbours. */
  q?: string;
  /** Only quotes dated in this range (events by their date, relations by their document's); "1958", "1958-07". */
  from?: string;
  to?: string;
  /** Only actors of these types. */
  types?: readonly EntityType[];
  /** At most this many actors: those of the strongest links first (the matching ones before them). Default all. */
  limit?: number;
  /** At most this many quotes per edge, the first the sources give; default all. `weight` counts them all. */
  quotes?: number;
}

/** A link with its quotes in the period asked for, by claim id. */
type WeightedEdge = Omit<GraphEdge, "evidence"> & { claims: number[] };

type NetworkKnowledge = Pick<KnowledgeStore, "claimsById" | "findEntity">;

interface GraphLibraries {
  UndirectedGraph: typeof UndirectedGraph;
  louvain: typeof louvainModule.default;
}
let libraries: GraphLibraries | undefined;

/** graphology and its Louvain communities, loaded on first use: of every command, only the network needs them. */
function graphLibraries(): GraphLibraries {
  if (libraries === undefined) {
    const require = createRequire(import.meta.url);
    libraries = {
      UndirectedGraph: (require("graphology") as { UndirectedGraph: typeof UndirectedGraph }).UndirectedGraph,
      // The package is CommonJS (`module.exports = louvain`) but its types declare an ES default export.
      louvain: require("graphology-communities-louvain") as typeof louvainModule.default,
    };
  }
  return libraries;
}

/** The part of `network` the filter asks for, strongest links first, each actor with its community. */
export function networkView(network: ActorNetwork, knowledge: NetworkKnowledge, filter: GraphFilter): Graph {
  const types = filter.types ? new Set(filter.types) : undefined;
  const nodes = new Map([...network.nodes].filter(([, n]) => !types || types.has(n.type)));
  let edges = network.edges
    .flatMap((edge) => (nodes.has(edge.source) && nodes.has(edge.target) ? inPeriod(edge, filter) : []))
    .sort((a, b) => b.weight - a.weight || byCodeUnits(a.id, b.id));
  const matched = filter.q === undefined ? undefined : matchingActors(filter.q, nodes, knowledge);
  if (matched) edges = edges.filter((e) => matched.has(e.source) || matched.has(e.target));
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const kept = strongestActors(edges, linked, nodes, matched, filter.limit ?? Number.MAX_SAFE_INTEGER);
  const shown = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const community = communities(shown);
  return {
    nodes: [...kept]
      .map((id) => ({ ...nodes.get(id)!, community: community.get(id) ?? 0 }))
      .sort((a, b) => a.community - b.community || b.mentions - a.mentions || byCodeUnits(a.id, b.id)),
    edges: withEvidence(knowledge, shown, filter.quotes),
    totals: { nodes: linked.size, edges: edges.length },
  };
}

/** One edge with every quote of it in the period; undefined when it has none there or does not exist. */
export function networkEdge(
  network: ActorNetwork,
  knowledge: NetworkKnowledge,
  id: string,
  range: Pick<GraphFilter, "from" | "to">,
): GraphEdge | undefined {
  const edge = network.edges.find((e) => e.id === id);
  const weighted = edge ? inPeriod(edge, range) : [];
  return withEvidence(knowledge, weighted)[0];
}

function inPeriod(edge: DatedEdge, range: Pick<GraphFilter, "from" | "to">): WeightedEdge[] {
  const ranged = range.from !== undefined || range.to !== undefined;
  const evidence = ranged
    ? edge.evidence.filter((q) => q.date && overlapsPeriod(q.date.start, q.date.end, range))
    : edge.evidence;
  if (evidence.length === 0) return [];
  const { id, source, target, type } = edge;
  return [{ id, source, target, type, weight: evidence.length, claims: evidence.map((q) => q.claimId) }];
}

/** The edges with the quotes of their first `quotes` claims, read in one query. */
function withEvidence(knowledge: NetworkKnowledge, edges: readonly WeightedEdge[], quotes?: number): GraphEdge[] {
  const cited = edges.map((e) => (quotes === undefined ? e.claims : e.claims.slice(0, quotes)));
  const claims = knowledge.claimsById(cited.flat());
  return edges.map(({ id, source, target, type, weight }, i) => ({
    id,
    source,
    target,
    type,
    weight,
    evidence: cited[i]!.flatMap((claimId) => {
      const claim = claims.get(claimId);
      return claim ? [citation(claim)] : [];
    }),
  }));
}

/**
 * Actors whose name holds every word of `q` as written (case, accents and apostrophes aside); only
 * when none does, those whose name holds every word's transliteration key ("Kassem"
 * finds Qasim, but "Qasim" does not find Qasem Soleimani). And the entity `q` names.
 */
function matchingActors(
  q: string,
  nodes: ReadonlyMap<string, LinkedActor>,
  knowledge: Pick<KnowledgeStore, "findEntity">,
): Set<string> {
  const words = [...nameWords(q)];
  const literal = [...nodes.values()].filter((node) => {
    const name = nameWords(node.name);
    return words.length > 0 && words.every((w) => name.has(w));
  });
  const keys = nameKey(q).split(" ").filter(Boolean);
  const byKey = () =>
    [...nodes.values()].filter((node) => {
      const nameKeys = new Set(nameKey(node.name).split(" "));
      return keys.length > 0 && keys.every((k) => nameKeys.has(k));
    });
  const matched = new Set((literal.length > 0 ? literal : byKey()).map((node) => node.id));
  const named = knowledge.findEntity(q)?.id;
  if (named !== undefined && nodes.has(named)) matched.add(named);
  return matched;
}

/** A name's words, folded, split at spaces and hyphens. */
function nameWords(name: string): Set<string> {
  return new Set(
    foldToken(name)
      .split(/[\s\-‐–—,.]+/u)
      .filter(Boolean),
  );
}

/** The matching actors (most mentioned first), then the ends of the strongest edges, while `limit` allows both ends. */
function strongestActors(
  edges: readonly WeightedEdge[],
  linked: ReadonlySet<string>,
  nodes: ReadonlyMap<string, LinkedActor>,
  matched: ReadonlySet<string> | undefined,
  limit: number,
): Set<string> {
  const seeds = [...(matched ?? [])]
    .filter((id) => linked.has(id))
    .sort((a, b) => nodes.get(b)!.mentions - nodes.get(a)!.mentions || byCodeUnits(a, b));
  const kept = new Set(seeds.slice(0, limit));
  for (const edge of edges) {
    if (kept.size >= limit) break;
    const added = [edge.source, edge.target].filter((id) => !kept.has(id));
    if (kept.size + new Set(added).size <= limit) for (const id of added) kept.add(id);
  }
  return kept;
}

/** Louvain communities over the edges (weights summed per pair, direction ignored), renumbered largest first. */
function communities(edges: readonly WeightedEdge[]): Map<string, number> {
  const { UndirectedGraph, louvain } = graphLibraries();
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    graph.mergeNode(edge.source);
    graph.mergeNode(edge.target);
    graph.updateEdge(edge.source, edge.target, (attributes) => ({
      weight: (attributes.weight ?? 0) + edge.weight,
    }));
  }
  if (graph.size === 0) return new Map();
  const found = louvain(graph, { getEdgeWeight: "weight", randomWalk: false });
  const members = new Map<number, string[]>();
  for (const [id, community] of Object.entries(found)) members.set(community, [...(members.get(community) ?? []), id]);
  const ranked = [...members.values()].sort((a, b) => b.length - a.length || byCodeUnits(a.sort()[0]!, b.sort()[0]!));
  return new Map(ranked.flatMap((ids, rank) => ids.map((id) => [id, rank] as const)));
}

/** Ids in a fixed order, several times faster than localeCompare over thousands of edges. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
