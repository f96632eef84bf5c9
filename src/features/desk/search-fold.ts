// The desk's searches fold text as every search by name does (src/domain/search-fold.ts).
export { searchFold } from '../../domain/search-fold.ts';
