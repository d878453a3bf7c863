// The single-file build of Handlebars' runtime: the same API as the package, without the compiler.
declare module 'handlebars/dist/handlebars.runtime.js' {
  import Handlebars from 'handlebars';
  export default Handlebars;
}
