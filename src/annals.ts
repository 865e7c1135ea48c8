import type { IngestOptions, IngestReport } from "./ingest/ingest.js";
import type { PageImage, PageImageCache } from "./views/page-image.js";
import type { FacetOptions, SearchFacets, SearchOptions, SearchResult } from "./search/types.js";
import { openStore, type Store } from "./store/index.js";
import {
  documentListings,
  documentPairs,
  documentView,
  filterListings,
  type DocumentListing,
  type DocumentListingFilter,
  type DocumentPair,
  type DocumentPairFilter,
} from "./views/documents.js";
import { entityPage, entitySummaries, type EntityFilter } from "./views/entities.js";
import { disagreements, eventCard, eventSummaries, filteredEventSummaries } from "./views/events.js";
import {
  filteredOutlinePage,
  timelineFacets,
  timelineOverview,
  type TimelineFacets,
  type TimelineFilter,
  type TimelineKnowledge,
  type TimelineOverview,
  type TimelineZoom,
} from "./views/timeline.js";
import { UntilChanged, UntilChangedByKey } from "./views/until-changed.js";
import { actorNetwork, type ActorNetwork } from "./views/graph.js";
import { networkEdge, networkView, type GraphFilter } from "./views/network.js";
import type { EventOutline, PageRange } from "./store/knowledge.js";
import { Decider } from "./decisions/decide.js";
import { describeDecision } from "./decisions/describe.js";
import type { Decision, DecisionView } from "./decisions/types.js";
import type { CorpusReport } from "./ingest/corpus-stage.js";
import type {
  Disagreement,
  DocumentView,
  EntityPage,
  EntitySummary,
  EventCard,
  EventSummary,
  Graph,
  GraphEdge,
} from "./views/types.js";

export type { DocumentListing };

/** What a view URL may name: `/documents/:id`, `/entities/:id`, `/events/:id`. */
export type RecordKind = "document" | "entity" | "event";

export interface Annotation {
  mentions: { start: number; end: number; text: string; type: string; name: string; extractor: string }[];
  dates: { start: number; end: number; text: string; value: string; precision: string; extractor: string }[];
}

/**
 * The knowledge base: what the CLI, the HTTP API and the web UI all call. Reading it loads no
 * extraction code: ingest, the corpus stage and annotation import theirs when first called, so a
 * search from the command line starts at once.
 */
export class Annals {
  private pageImages: PageImageCache | undefined;
  /** The whole network and the events' outlines: every request of those views reads them. */
  private readonly network = new UntilChanged<ActorNetwork>(
    () => this.store.changeStamp(),
    () => actorNetwork(this.store.knowledge.actorLinks()),
  );
  private readonly outlines = new UntilChanged<readonly EventOutline[]>(
    () => this.store.changeStamp(),
    () => this.store.knowledge.eventOutlines(),
  );
  /** The views many visitors open alike (the network, the timeline's axes and facets), by what they were asked. */
  private readonly graphs = new UntilChangedByKey<Graph>(() => this.store.changeStamp(), 8);
  private readonly overviews = new UntilChangedByKey<TimelineOverview>(() => this.store.changeStamp(), 32);
  private readonly facets = new UntilChangedByKey<TimelineFacets>(() => this.store.changeStamp(), 32);

  private constructor(
    readonly store: Store,
    private readonly dbPath: string,
  ) {}

  static open(dbPath: string): Annals {
    return new Annals(openStore(dbPath), dbPath);
  }

  /** Ingests files and folders, never the knowledge base's own files. */
  async add(paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
    const { ingest } = await import("./ingest/ingest.js");
    const ownFiles = ["", "-wal", "-shm", "-journal"].map((suffix) => this.dbPath + suffix);
    return ingest(this.store, paths, { ...options, ignore: [...(options.ignore ?? []), ...ownFiles] });
  }

  /** The documents with their relations; those that pass `filter` when given. */
  documents(filter: DocumentListingFilter = {}): DocumentListing[] {
    return filterListings(documentListings(this.store), filter);
  }

  /** Derived copies with their originals and near-duplicates, most similar first: what the compare view offers. */
  documentPairs(filter: DocumentPairFilter = {}): DocumentPair[] {
    return documentPairs(this.store, filter);
  }

  document(id: string): DocumentView | undefined {
    return documentView(this.store, id);
  }

  /** The image of one page of a PDF or scan, from its original file; the last few are cached. */
  async pageImage(id: string, page: number): Promise<PageImage> {
    const { PageImageCache } = await import("./views/page-image.js");
    this.pageImages ??= new PageImageCache(this.store);
    return this.pageImages.get(id, page);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return this.store.search(query, options);
  }

  /** The passages `query` matches counted per document kind, document, year and entity type. */
  searchFacets(query: string, options: FacetOptions = {}): SearchFacets {
    return this.store.facets(query, options);
  }

  entities(filter: EntityFilter = {}): EntitySummary[] {
    return entitySummaries(this.store.knowledge, filter);
  }

  /** One entity's page; `mentions` picks the page of its mentions (default the first 1000). */
  entity(idOrName: string, mentions?: PageRange): EntityPage | undefined {
    return entityPage(this.store.knowledge, idOrName, mentions);
  }

  /** Whether the base holds the document, entity (by id or name) or event (by id or name) a view URL names. */
  hasRecord(kind: RecordKind, idOrName: string): boolean {
    const knowledge = this.store.knowledge;
    if (kind === "document") return this.store.listDocuments({ ids: [idOrName] }).length > 0;
    return (kind === "entity" ? knowledge.findEntity(idOrName) : knowledge.findEvent(idOrName)) !== undefined;
  }

  /** Events sorted by start: the timeline; one page of it when `page` is given. */
  events(page?: PageRange): EventSummary[] {
    return eventSummaries(this.store.knowledge, page);
  }

  /**
   * The events that pass the timeline's filter, in its order, with how many pass it; only one page of
   * them when `page` is given. An empty filter reads the events alone, not every event's outline.
   */
  filteredEvents(filter: TimelineFilter, page?: PageRange): { total: number; items: EventSummary[] } {
    if (Object.values(filter).every((value) => value === undefined)) {
      const items = this.events(page);
      return { total: page ? this.countEvents() : items.length, items };
    }
    return filteredEventSummaries(this.store.knowledge, filter, page, this.timelineKnowledge());
  }

  /** The filtered events counted per period of the zoom, the densest period and the undated apart. */
  timeline(filter: TimelineFilter, zoom: TimelineZoom): TimelineOverview {
    return this.overviews.get(keyOf(filter, zoom), () => timelineOverview(this.timelineKnowledge(), filter, zoom));
  }

  /** One page of the outlines (no participants, no quotes) of the events that pass the filter, with how many pass it. */
  timelineOutlines(filter: TimelineFilter, page: PageRange): { total: number; items: EventOutline[] } {
    return filteredOutlinePage(this.timelineKnowledge(), filter, page);
  }

  /** The event types and places the timeline's filter can choose from, with their counts. */
  timelineFacets(filter: TimelineFilter): TimelineFacets {
    return this.facets.get(keyOf(filter), () => timelineFacets(this.timelineKnowledge(), filter));
  }

  countEvents(): number {
    return this.store.knowledge.countEvents();
  }

  event(idOrName: string): EventCard | undefined {
    return eventCard(this.store.knowledge, idOrName, this.store.documentRelations());
  }

  disagreements(): Disagreement[] {
    return disagreements(this.store.knowledge, this.store.documentRelations());
  }

  /** The actor network, or the part of it `filter` asks for. */
  graph(filter: GraphFilter = {}): Graph {
    return this.graphs.get(keyOf(filter), () => networkView(this.network.get(), this.store.knowledge, filter));
  }

  /** One edge of the network (`GraphEdge.id`) with all its quotes, those dated in the range when one is given. */
  graphEdge(id: string, range: Pick<GraphFilter, "from" | "to"> = {}): GraphEdge | undefined {
    return networkEdge(this.network.get(), this.store.knowledge, id, range);
  }

  private timelineKnowledge(): TimelineKnowledge {
    const knowledge = this.store.knowledge;
    return {
      eventOutlines: () => [...this.outlines.get()],
      findEntity: (name) => knowledge.findEntity(name),
      entityEvents: (id, limit) => knowledge.entityEvents(id, limit),
    };
  }

  /**
   * Records the decisions `make` builds from what the user pointed at, then reruns the corpus stage
   * so every view shows them at once.
   */
  async decide(make: (decider: Decider) => Decision[]): Promise<{ decisions: Decision[]; corpus: CorpusReport }> {
    const { resolveCorpus } = await import("./ingest/corpus-stage.js");
    const decisions = make(new Decider(this.store.knowledge, this.store.decisions));
    return { decisions, corpus: resolveCorpus(this.store) };
  }

  /** Every decision, oldest first, with what the last corpus stage made of it. */
  decisions(): DecisionView[] {
    return this.store.decisions.withStatus().map((d) => ({ ...d, summary: describeDecision(d) }));
  }

  exportDecisions(): string {
    return new Decider(this.store.knowledge, this.store.decisions).exportJsonl();
  }

  async importDecisions(jsonl: string): Promise<{ imported: number; skipped: number; corpus: CorpusReport }> {
    const { resolveCorpus } = await import("./ingest/corpus-stage.js");
    const counts = new Decider(this.store.knowledge, this.store.decisions).importJsonl(jsonl);
    return { ...counts, corpus: resolveCorpus(this.store) };
  }

  close(): void {
    this.store.close();
  }
}

/** The same key for the same request, whatever the order of its fields, the undefined ones left out. */
function keyOf(...parts: readonly (object | string)[]): string {
  return JSON.stringify(
    parts.map((part) =>
      typeof part === "string"
        ? part
        : Object.entries(part)
            .filter(([, value]) => value !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  );
}

/**
 * Names, dates and quantities in a text, with offsets into that text as given. The text is decoded
 * and parsed like an ingested file, so its own date anchors relative dates.
 */
export async function annotate(bytes: Uint8Array, path: string): Promise<Annotation> {
  const [{ decode }, { parse }, { analyseDocument }] = await Promise.all([
    import("./decode/index.js"),
    import("./parse/index.js"),
    import("./ingest/analyse.js"),
  ]);
  const source = decode(bytes, path);
  const annotation: Annotation = { mentions: [], dates: [] };
  for (const document of parse(source)) {
    const analysis = analyseDocument(document);
    const toSource = (start: number, end: number) => {
      const [s, e] = document.map.spanToSource(start, end);
      return { start: s, end: e, text: source.original.slice(s, e) };
    };
    for (const date of analysis.dates) {
      annotation.dates.push({
        ...toSource(date.start, date.end),
        value: date.value,
        precision: date.precision,
        extractor: date.extractor,
      });
    }
    for (const mention of analysis.mentions ?? []) {
      annotation.mentions.push({
        ...toSource(mention.start, mention.end),
        type: mention.type === "group" ? "other" : mention.type,
        name: mention.name,
        extractor: mention.extractor,
      });
    }
  }
  return annotation;
}
