import { Fragment } from 'react';
import { Link } from 'react-router';
import { type Facet, segmentsOf } from '../../../contract/facets.js';

/**
 * User text as React text nodes, with hashtags and mentions as links and stickers as images. Never
 * HTML: a body that contains "<script>" shows those characters.
 */
export function RichText({ text, facets }: { text: string; facets: Facet[] }) {
  return (
    <>
      {segmentsOf(text, facets).map((seg, i) => {
        const key = `${i}-${seg.facet?.start ?? 'p'}`;
        const f = seg.facet;
        if (!f) return <Fragment key={key}>{seg.text}</Fragment>;
        switch (f.type) {
          case 'hashtag':
            return (
              <Link key={key} className="facet-link" to={`/topics/${encodeURIComponent(f.tag)}`}>
                {seg.text}
              </Link>
            );
          case 'mention':
            return (
              <Link key={key} className="facet-link" to={`/users/${encodeURIComponent(f.handle)}`}>
                {seg.text}
              </Link>
            );
          case 'sticker':
            return <img key={key} className="sticker-inline" src={f.url} alt={seg.text} title={seg.text} />;
          case 'link':
            return /^https?:\/\//i.test(f.url) ? (
              <a key={key} className="facet-link" href={f.url} rel="noopener noreferrer nofollow ugc" target="_blank">
                {seg.text}
              </a>
            ) : (
              <Fragment key={key}>{seg.text}</Fragment>
            );
          default:
            return <Fragment key={key}>{seg.text}</Fragment>;
        }
      })}
    </>
  );
}
