// Observable Framework configuration. The dashboard helper fleshes out pages; see README.
export default {
  root: "src",
  title: "Integration i Jönköpings län",
  lang: "sv",
  // Offline and self-contained: no Google Fonts, no favicon request.
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  search: false
};
