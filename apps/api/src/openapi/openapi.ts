import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AuthError } from '../auth/auth.errors';
import { AuthService } from '../auth/auth.service';
import type { Logger } from 'pino';
import { problemHandler } from '../common/http/problem.filter';
import type { AppConfig } from '../config/config';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Attune API')
    .setDescription('Run and replicate conversation-quality experiments. Errors are application/problem+json.')
    .setVersion('0.1.0')
    .addCookieAuth('attune_session')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Personal access token (att_…)' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey: string, methodKey: string) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/**
 * Swagger UI at /api/docs and the JSON at /api/docs-json, for anyone, for signed-in users (a
 * session cookie or a personal access token), or not at all (API_DOCS).
 */
export function setupOpenApi(app: INestApplication, access: AppConfig['apiDocs'], logger: Logger): void {
  if (access === 'off') return;
  if (access === 'login') {
    const auth = app.get(AuthService);
    const refuse = problemHandler(logger);
    app.use(['/api/docs', '/api/docs-json'], (req: Request, res: Response, next: NextFunction) => {
      auth.principalOf(req).then(
        (principal) => (principal ? next() : refuse(new AuthError('UNAUTHENTICATED', { detail: 'Sign in to read the API documentation' }), req, res)),
        (error: unknown) => refuse(error, req, res),
      );
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
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sort(v)]));
    }
    return value;
  };
  return `${JSON.stringify(sort(document), null, 2)}\n`;
}
