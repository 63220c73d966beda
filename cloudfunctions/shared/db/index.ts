// What services may import from the database layer. Safe for the deployed bundles: nothing here loads the
// embedded engine (SQLite, mingo), which lives behind ./local for the local server and tests only.
export { DUPLICATE_KEY_CODE, isDuplicateKeyError } from './duplicate-key'
