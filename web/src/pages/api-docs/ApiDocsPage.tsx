/**
 * The API reference (/developers/api), open to anyone: every route of the server, generated from
 * its own OpenAPI description, grouped by who may call it, searchable, with parameters and the
 * shapes of what goes in and comes out.
 */
import { useState } from 'react';
import { API_DESCRIPTION_PATH, useApiDescription } from '../../api/api-description.ts';
import { Badge, EmptyState, ErrorState, Page, PageLoading, TextInput } from '../../components/index.ts';
import { apiEntries, apiGroups, type ApiEntry } from './api-docs-rules.ts';
import './api-docs.css';

const TITLE = 'API reference';

export default function ApiDocsPage() {
  const description = useApiDescription();
  const [search, setSearch] = useState('');

  if (description.isPending) return <PageLoading label="Loading the API reference…" />;
  if (description.error) {
    return (
      <Page title={TITLE}>
        <ErrorState error={description.error} onRetry={() => void description.refetch()} />
      </Page>
    );
  }
  const groups = apiGroups(apiEntries(description.data), search);
  return (
    <Page
      title={TITLE}
      description={
        <>
          {description.data.info.description} The same description as OpenAPI 3.1:{' '}
          <a href={API_DESCRIPTION_PATH}>{API_DESCRIPTION_PATH}</a>.
        </>
      }
    >
      <div className="api-docs__search">
        <TextInput
          label="Search routes"
          type="search"
          value={search}
          placeholder="e.g. reports, PATCH, published"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {groups.length === 0 && <EmptyState title="No route matches your search">Try part of a path.</EmptyState>}
      {groups.map((group) => (
        <section key={group.title} aria-labelledby={`api-${group.title}`}>
          <h2 id={`api-${group.title}`}>{group.title}</h2>
          {group.entries.map((entry) => (
            <Operation key={`${entry.method} ${entry.path}`} entry={entry} />
          ))}
        </section>
      ))}
    </Page>
  );
}

function Operation({ entry }: { entry: ApiEntry }) {
  const { operation } = entry;
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const answer = operation.responses?.['200']?.content?.['application/json']?.schema;
  return (
    <details className="api-docs__operation">
      <summary>
        <Badge tone="info">{entry.method}</Badge> <code>{entry.path}</code>
      </summary>
      <p>{entry.access}</p>
      {operation.parameters && operation.parameters.length > 0 && (
        <>
          <h3>Parameters</h3>
          <ul>
            {operation.parameters.map((p) => (
              <li key={`${p.in} ${p.name}`}>
                <code>{p.name}</code> ({p.in}
                {p.required ? ', required' : ''})
              </li>
            ))}
          </ul>
        </>
      )}
      {body !== undefined && <Schema title="Request body (JSON)" schema={body} />}
      {answer !== undefined && <Schema title="Answer (JSON)" schema={answer} />}
    </details>
  );
}

function Schema({ title, schema }: { title: string; schema: unknown }) {
  return (
    <>
      <h3>{title}</h3>
      <pre className="api-docs__schema">{JSON.stringify(schema, null, 2)}</pre>
    </>
  );
}
