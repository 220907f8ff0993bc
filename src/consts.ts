/** Site-wide constants. */
export const SITE_TITLE = 'Convolutions, Explained';
export const SITE_DESCRIPTION = 'What a convolution does, shown with numbers you can change.';
export const SITE_AUTHOR = 'Convolutions, Explained';
/** Where the built site is published; used for canonical URLs. */
export const SITE_URL = 'https://convolutions.example.org';
/** The CSL style of every reference list and citation: 'article-order' (the 2017 article's own order), or 'apa', 'vancouver', 'harvard1'. */
export const CITATION_STYLE = 'article-order';
/** The CSL style of the "Cite this post" text (people citing a web page expect APA). */
export const CITE_THIS_POST_STYLE = 'apa';
