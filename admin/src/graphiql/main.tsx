/**
 * GraphiQL at /graphiql (issue 11): the IDE of the analysts, bundled from npm (graphiql 5, Monaco
 * and its workers built by Vite: no CDN), a page of its own beside the panel. It queries /graphql
 * with the panel's session (the same browser tab's sessionStorage, providers/session.ts), so the
 * schema, the documentation and the answers are those of the signed-in account; the server opens
 * introspection to signed-in accounts only. Without a session it says so and links to the sign-in.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getSession, isExpired } from '../providers/session';

/** The first query shown: a figure and a page of a list, as an analyst would start. */
const DEFAULT_QUERY = `# CongDoan GraphQL API. Ctrl+Enter runs; Ctrl+Space completes; the Docs pane lists every query.
# Số đoàn viên nữ theo đơn vị trực thuộc và độ tuổi (women by child unit and age band):
query WomenByUnitAndAge($unitId: ID) {
  memberStats(by: [CHILD_UNIT, AGE_BAND], unitId: $unitId, filter: { gender: [FEMALE] }) {
    unit { ... on Union { name } ... on GrassrootsUnion { name } ... on Federation { name } ... on Team { name } }
    ageBand
    count
  }
}
`;

const box = { maxWidth: 560, margin: '15vh auto', padding: 24, lineHeight: 1.5, color: '#333' } as const;

/** What an anonymous visitor (or an expired session) sees: where to sign in. */
function SignInFirst() {
  return (
    <div style={box} data-testid="graphiql-sign-in">
      <h1 style={{ fontSize: 22 }}>GraphiQL</h1>
      <p>
        Bạn cần đăng nhập vào trang quản trị trước, rồi mở GraphiQL từ menu tài khoản (trong cùng thẻ trình duyệt).
        <br />
        <span style={{ color: '#666' }}>Sign in to the admin panel first, then open GraphiQL from the account menu (in the same browser tab).</span>
      </p>
      <p>
        <a href="/#/login">Đăng nhập · Sign in</a>
      </p>
    </div>
  );
}

function Ide({ token, who }: { token: string; who: string }) {
  const fetcher = createGraphiQLFetcher({ url: '/graphql', headers: { authorization: `Bearer ${token}` } });
  return (
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled={false}>
      <GraphiQL.Logo>
        <a href="/" style={{ color: 'inherit', textDecoration: 'none' }} title="Về trang quản trị · Back to the panel">
          CongDoan
        </a>{' '}
        GraphiQL <small style={{ fontSize: 12, opacity: 0.7 }} data-testid="graphiql-who">{who}</small>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const session = getSession();
const root = createRoot(document.getElementById('graphiql')!);
root.render(
  <StrictMode>
    {session && !isExpired(session.token) ? <Ide token={session.token} who={session.user.username} /> : <SignInFirst />}
  </StrictMode>,
);
