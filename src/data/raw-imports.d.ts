// A file's text, through the bundler (Vite's `?raw` suffix; Vitest's too).
declare module '*?raw' {
  const text: string;
  export default text;
}
