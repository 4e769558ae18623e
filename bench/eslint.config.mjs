// ESLint for the site's own JavaScript, overrides/javascripts/*.js (run by tests/test_javascript.py).
// The files are inlined into pages as classic scripts (not modules), after Material's inline head script, which
// defines __md_get and __md_set. ESLint is installed here, in bench/'s npm project: `cd bench && npm ci`.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, __md_get: "readonly", __md_set: "readonly" },
    },
    rules: {
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];
