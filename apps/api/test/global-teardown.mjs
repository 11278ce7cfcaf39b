export default async function globalTeardown() {
  await globalThis.__attuneEmbedded?.stop();
}
