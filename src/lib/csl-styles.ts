/**
 * The site's own CSL style: the order the 2017 article used ("Title, Year, Authors, Note, URL"),
 * so the reproduced References read like the original. Any style citation-js bundles ('apa',
 * 'vancouver', 'harvard1') can be chosen instead in src/consts.ts.
 */
export const ARTICLE_ORDER_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Article order (this site)</title>
    <id>article-order</id>
    <updated>2026-11-27T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name and="text" delimiter=", "/>
    </names>
  </macro>
  <citation>
    <layout>
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout>
      <group delimiter=", ">
        <text variable="title"/>
        <date variable="issued">
          <date-part name="year"/>
        </date>
        <text macro="author"/>
        <text variable="container-title"/>
        <text variable="publisher"/>
        <text variable="note"/>
        <text variable="DOI" prefix="https://doi.org/"/>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>`;
