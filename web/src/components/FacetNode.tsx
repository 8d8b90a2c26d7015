import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Facet } from '../../../contract/facets.js';

/**
 * One faceted range of user text as an element: hashtags and mentions link inside the app, stickers
 * are images, and links open elsewhere only when they are http(s) (a `javascript:` URL stays text).
 * `children` is what to show inside (the plain text, or the same text with pinyin over it).
 */
export function FacetNode({ facet, text, children }: { facet: Facet; text: string; children: ReactNode }): ReactNode {
  switch (facet.type) {
    case 'hashtag':
      return (
        <Link className="facet-link" to={`/topics/${encodeURIComponent(facet.tag)}`}>
          {children}
        </Link>
      );
    case 'mention':
      return (
        <Link className="facet-link" to={`/users/${encodeURIComponent(facet.handle)}`}>
          {children}
        </Link>
      );
    case 'sticker':
      return <img className="sticker-inline" src={facet.url} alt={text} title={text} />;
    case 'link':
      return /^https?:\/\//i.test(facet.url) ? (
        <a className="facet-link" href={facet.url} rel="noopener noreferrer nofollow ugc" target="_blank">
          {text}
        </a>
      ) : (
        text
      );
    default:
      return text;
  }
}
