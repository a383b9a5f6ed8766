// Vite (the bundler and Vitest) turns `import text from './file?raw'` into the file's text.
declare module '*?raw' {
  const text: string;
  export default text;
}
