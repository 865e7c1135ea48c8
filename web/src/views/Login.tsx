import { useState } from "preact/hooks";
import { logIn, type Session } from "../session.js";

/** The login form a team server asks for; a link to the identity provider when it has one. */
export function Login({ session, onLogin }: { session: Session; onLogin: (s: Session) => void }) {
  const [user, setUser] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState(session.refused ?? "");
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      onLogin(await logIn(user, password));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>Log in</h1>
      <form class="login" onSubmit={submit}>
        <label for="login-user">User name or email</label>
        <input
          id="login-user"
          autocomplete="username"
          value={user}
          onInput={(e) => setUser(e.currentTarget.value)}
          required
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
        />
        <button type="submit">Log in</button>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {session.oidc ? (
        <p>
          <a href="/api/oidc/login">Log in with your organization's account</a>
        </p>
      ) : null}
    </>
  );
}
