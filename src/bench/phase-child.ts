import { addOnePhase, bridgePhase, fts5ReferencePhase, ingestPhase, searchPhase } from "./phases.js";

/** One benchmark phase in its own process, so its memory is measured alone. Prints JSON. */
const [phase, db, workers, ...dirs] = process.argv.slice(2);
const result =
  phase === "ingest" || phase === "ingest-core"
    ? await ingestPhase(db!, dirs, Number(workers), phase === "ingest")
    : phase === "fts5"
      ? fts5ReferencePhase(db!, dirs)
      : phase === "bridge"
        ? await bridgePhase(db!)
        : phase === "add-one"
          ? await addOnePhase(db!)
          : phase === "add-one-rebuilt"
            ? await addOnePhase(db!, 0)
            : searchPhase(db!);
process.stdout.write(JSON.stringify(result) + "\n");
