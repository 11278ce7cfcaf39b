import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthError } from '../auth/auth.errors';
import { AuthService } from '../auth/auth.service';
import type { Logger } from 'pino';
import { problemHandler } from '../common/http/problem.filter';
import type { AppConfig } from '../config/config';
import { ParticipantAuthError } from '../participants/participant-auth';
import { StudyError } from '../studies/studies.errors';
import { ANY_ROUTE, type Caller, type ProblemCode, problems } from './api-doc';
import { withProblemCatalogue } from './problem-catalogue';
import { withProblemResponses } from './problem-responses';

const ANY_ROUTE_LIST = ANY_ROUTE.map((problem) => `${problem.status} \`${problem.code}\` (${problem.title})`).join(', ');

// The front page of /api/docs: what a script author needs before the first call.
const DESCRIPTION = `Run and replicate conversation-quality experiments.

## Signing in
- **Scripts**: create a personal access token (POST /api/auth/tokens) and send \`Authorization: Bearer att_…\`. No CSRF header is needed.
- **Browsers**: POST /api/auth/login sets a session cookie; every POST, PUT and DELETE then sends \`X-CSRF-Token\` with the token login returned.
- **Participants**: the \`X-Participant-Token\` that POST /api/participant/join returns.

## Roles
Per study: **owner** > **researcher** > **analyst**. Owners edit, launch, amend and manage members; researchers run sessions; analysts read results, flow and exports. A non-member gets 404 for the study, as if it did not exist. Administrators manage accounts (/api/users) and act as owners of every study. Each operation starts with who may call it.

## Problems
Every error is \`application/problem+json\` (schema \`Problem\`): switch on \`code\`, never on \`title\` or \`detail\`. Each error response lists the codes it can carry, with an example of each. 400 \`VALIDATION_FAILED\` names every invalid field in \`errors\` (\`path\`, \`code\`, \`message\`); unknown fields in a body or query are refused (\`UNKNOWN_FIELD\`). 429 comes with \`Retry-After\` in seconds. Every response carries \`X-Request-Id\`, repeated in a problem as \`requestId\`: quote it when reporting one. Any request may also get ${ANY_ROUTE_LIST}; a 500 is logged with its request id.

Responses are never cached (\`Cache-Control: no-store\`).`;

// The composition root knows every feature, so it names what each kind of caller can be refused with.
const SIGNED_IN = problems(AuthError, 'UNAUTHENTICATED');
const CSRF = problems(AuthError, 'CSRF_TOKEN_INVALID');
const ROLE_PROBLEMS: Record<Exclude<Caller, 'public' | 'participant'>, ProblemCode[]> = {
  'signed-in': [],
  admin: problems(AuthError, 'ADMIN_REQUIRED'),
  analyst: problems(StudyError, 'STUDY_NOT_FOUND'),
  researcher: problems(StudyError, 'STUDY_NOT_FOUND', 'ROLE_REQUIRED'),
  owner: problems(StudyError, 'STUDY_NOT_FOUND', 'ROLE_REQUIRED'),
};
const PARTICIPANT = problems(ParticipantAuthError, 'PARTICIPANT_TOKEN_INVALID', 'PARTICIPANT_WITHDRAWN');

function callerProblems(who: Caller, changes: boolean): ProblemCode[] {
  if (who === 'public') return [];
  if (who === 'participant') return PARTICIPANT;
  // Bearer tokens are not ambient credentials; only cookie sessions need the CSRF header, on changes.
  return [...SIGNED_IN, ...(changes ? CSRF : []), ...ROLE_PROBLEMS[who]];
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Attune API')
    .setDescription(DESCRIPTION)
    .setVersion('0.1.0')
    .addCookieAuth('attune_session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Personal access token (att_…)' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey: string, methodKey: string) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return withProblemCatalogue(withProblemResponses(document, callerProblems));
}

const DOCS_PATH = /^\/api\/docs(-json)?(\/|\?|$)/;

/**
 * Swagger UI at /api/docs and the JSON at /api/docs-json, for anyone, for signed-in users (a
 * session cookie or a personal access token), or not at all (API_DOCS).
 */
export function setupOpenApi(app: INestApplication, access: AppConfig['apiDocs'], logger: Logger): void {
  if (access === 'off') return;
  if (access === 'login') {
    const auth = app.get(AuthService);
    const refuse = problemHandler(logger);
    const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
    // Returning the reply after answering it tells Fastify the request is done.
    fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      if (!DOCS_PATH.test(req.url)) return undefined;
      try {
        if (await auth.principalOf(req)) return undefined;
        refuse(new AuthError('UNAUTHENTICATED', { detail: 'Sign in to read the API documentation' }), req, reply);
      } catch (error) {
        refuse(error, req, reply);
      }
      return reply;
    });
  }
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/** Stable text for the committed openapi.json: sorted keys so diffs show real changes only. */
export function canonicalOpenApi(document: OpenAPIObject): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, sort(v)]),
      );
    }
    return value;
  };
  return `${JSON.stringify(sort(document), null, 2)}\n`;
}
