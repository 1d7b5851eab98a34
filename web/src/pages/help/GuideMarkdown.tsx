/**
 * A guide's Markdown as React elements (react-markdown: no raw HTML is ever rendered). Links of
 * the form `help:guide` open another guide, `agency:section` a page of the person's agency, and
 * web addresses a new tab.
 */
import type { ReactNode } from 'react';
import Markdown, { defaultUrlTransform } from 'react-markdown';
import { Link } from 'react-router';
import { useUser } from '../../api/session.ts';
import { agencyPath, HELP_GUIDES, helpGuidePath, type HelpGuide } from '../../app/paths.ts';

const isGuide = (slug: string): slug is HelpGuide => Object.hasOwn(HELP_GUIDES, slug);

/** Keeps the guide's own link kinds; everything else gets react-markdown's safe treatment. */
const urlTransform = (url: string) => (/^(help|agency):[\w/-]+$/.test(url) ? url : defaultUrlTransform(url));

/** Where an in-app link goes: a path of this app, or null when it cannot be followed. */
export function linkTarget(href: string, agencyId: number | undefined): string | null {
  if (href.startsWith('help:')) {
    const slug = href.slice('help:'.length);
    return isGuide(slug) ? helpGuidePath(slug) : null;
  }
  if (href.startsWith('agency:')) return agencyId === undefined ? null : agencyPath(agencyId, href.slice(7));
  return href.startsWith('/') && !href.startsWith('//') ? href : null;
}

function GuideLink({ href = '', children }: { href?: string; children?: ReactNode }) {
  const user = useUser();
  const agencyId = (user.agencies.find((a) => a.id === user.lastAgencyId) ?? user.agencies[0])?.id;
  if (/^(https?:|mailto:)/.test(href)) {
    return (
      <a href={href} target="_blank" rel="noreferrer">
        {children}
      </a>
    );
  }
  const to = linkTarget(href, agencyId);
  return to === null ? <strong>{children}</strong> : <Link to={to}>{children}</Link>;
}

export function GuideMarkdown({ text }: { text: string }) {
  return (
    <div className="guide-text">
      <Markdown urlTransform={urlTransform} components={{ a: GuideLink }}>
        {text}
      </Markdown>
    </div>
  );
}
