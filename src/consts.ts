/** Site-wide constants. */
export const SITE_TITLE = 'Convolutions, Explained';
export const SITE_DESCRIPTION = 'What a convolution does, shown with numbers you can change.';
export const SITE_AUTHOR = 'Convolutions, Explained';
/** Where the built site is published; used for canonical URLs. */
export const SITE_URL = 'https://convolutions.example.org';
