import { render } from "preact";
import { lazy, Suspense } from "preact/compat";
import "./styles.css";
import { interceptLinks, match, useLocation, type Location } from "./router.js";
import { Home } from "./views/Home.js";
import { SearchView } from "./views/Search.js";
import { DocumentReader } from "./views/Document.js";
import { EntityList, EntityView } from "./views/Entity.js";
import { EventView } from "./views/Event.js";
import { CompareView } from "./views/Compare.js";
import { SearchBox } from "./views/SearchBox.js";
import { DecisionsView } from "./views/Corrections.js";
import { Login } from "./views/Login.js";
import {
  chooseProject,
  loadSession,
  logOut,
  pageSession,
  project,
  session as currentSession,
  type Session,
} from "./session.js";
import { useEffect, useState } from "preact/hooks";

// The timeline and the network load when first shown; the one a page opens on starts loading beside the session.
const loadTimeline = () => import("./views/Timeline.js");
const loadGraph = () => import("./views/Graph.js");
const TimelineView = lazy(() => loadTimeline().then((m) => ({ default: m.TimelineView })));
const GraphView = lazy(() => loadGraph().then((m) => ({ default: m.GraphView })));
// A failed early load is the view's to report when it renders.
if (["/timeline", "/events"].includes(window.location.pathname)) loadTimeline().catch(() => undefined);
if (window.location.pathname === "/graph") loadGraph().catch(() => undefined);

function route(location: Location) {
  const { path, query } = location;
  if (path === "/") return <Home query={query} />;
  if (path === "/search") return <SearchView query={query} />;
  if (path === "/documents") return <Home query={query} />;
  let params = match("/documents/:id", path);
  if (params) return <DocumentReader id={params["id"]!} query={query} />;
  if (path === "/entities") return <EntityList query={query} />;
  params = match("/entities/:id", path);
  if (params) return <EntityView id={params["id"]!} />;
  if (path === "/events") return <TimelineView query={query} />;
  params = match("/events/:id", path);
  if (params) return <EventView id={params["id"]!} />;
  if (path === "/timeline") return <TimelineView query={query} />;
  if (path === "/graph") return <GraphView query={query} />;
  if (path === "/compare") return <CompareView query={query} />;
  if (path === "/decisions") return <DecisionsView />;
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>
        Nothing here. <a href="/">Start over</a>.
      </p>
    </>
  );
}

const NAV = [
  ["/search", "Search"],
  ["/entities", "Entities"],
  ["/timeline", "Timeline"],
  ["/graph", "Network"],
  ["/compare", "Compare"],
  ["/decisions", "Corrections"],
] as const;

/** Who is logged in, the project and logout; nothing on a server without accounts. */
function Account({ session, onChange }: { session: Session; onChange: (s: Session) => void }) {
  if (!session.user) return null;
  const projects = session.projects ?? [];
  return (
    <div class="account">
      <span>{session.user.name}</span>
      <select
        aria-label="Project"
        value={project()}
        onChange={(e) => {
          chooseProject(e.currentTarget.value);
          window.location.reload();
        }}
      >
        {projects.map((p) => (
          <option key={p.project} value={p.project}>
            {p.project} ({p.role})
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void logOut().then(() => onChange(currentSession()))}>
        Log out
      </button>
    </div>
  );
}

function App() {
  const location = useLocation();
  const section = "/" + (location.path.split("/")[1] ?? "");
  const [current, setCurrent] = useState<Session | undefined>(pageSession);
  useEffect(() => {
    if (!current) loadSession().then(setCurrent, () => setCurrent({ accounts: false }));
  }, []);
  if (!current) return null;
  const needsLogin = current.accounts && !current.user;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          annals
        </a>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={section === href ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {location.path !== "/search" && location.path !== "/" ? <SearchBox compact /> : null}
        <Account session={current} onChange={setCurrent} />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p class="loading" role="status">
              Loading…
            </p>
          }
        >
          {needsLogin ? <Login session={current} onLogin={setCurrent} /> : route(location)}
        </Suspense>
      </main>
    </>
  );
}

interceptLinks();
render(<App />, document.getElementById("app")!);
