import type { RequestHandler } from 'express';
import type { z } from 'zod';

import { HttpError } from './http-error.js';

type Part = 'body' | 'query' | 'params';

export function validate(schema: z.ZodTypeAny, part: Part = 'body'): RequestHandler {
  return (req, _res, next) => {
    const result = schema.safeParse(req[part]);
    if (!result.success) {
      next(new HttpError(400, 'validation failed', result.error.flatten().fieldErrors));
      return;
    }
    req[part] = result.data;
    next();
  };
}
