import { getInstrument, instrumentHash, listInstruments } from '@attune/survey';

/*
 * The shipped instruments as JSON for the participant app. Built once at `next build`: the
 * registry stays on the server, and a phone downloads only the instruments its phase uses
 * (the API names them by id and version). A version never changes, so caching is forever.
 */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { id: string; version: string }[] {
  return listInstruments().map((instrument) => ({ id: instrument.id, version: String(instrument.version) }));
}

export async function GET(_request: Request, context: { params: Promise<{ id: string; version: string }> }): Promise<Response> {
  const { id, version } = await context.params;
  const instrument = getInstrument(id, Number(version));
  if (!instrument) return new Response(null, { status: 404 });
  // The hash travels with the definition (computed here, at build), so a phone can check it against
  // its session's frozen protocol without shipping SHA-256 code.
  return Response.json(
    { ...instrument, hash: instrumentHash(instrument) },
    { headers: { 'cache-control': 'public, max-age=31536000, immutable' } },
  );
}
