import { Fragment } from 'react';
import { type Facet, segmentsOf } from '../../../contract/facets.js';
import { FacetNode } from './FacetNode.js';

/**
 * User text as React text nodes, with hashtags and mentions as links and stickers as images. Never
 * HTML: a body that contains "<script>" shows those characters.
 */
export function RichText({ text, facets }: { text: string; facets: Facet[] }) {
  return (
    <>
      {segmentsOf(text, facets).map((seg, i) => {
        const key = `${i}-${seg.facet?.start ?? 'p'}`;
        return seg.facet ? (
          <FacetNode key={key} facet={seg.facet} text={seg.text}>
            {seg.text}
          </FacetNode>
        ) : (
          <Fragment key={key}>{seg.text}</Fragment>
        );
      })}
    </>
  );
}
