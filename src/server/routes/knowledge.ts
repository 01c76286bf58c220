/**
 * The check-in's schema and the knowledge base: `GET /api/schema/answers`, `GET /api/kb`,
 * `GET /api/kb/search`, `GET /api/kb/items/:id`. Read-only, from data compiled into the program.
 */
import { z } from 'zod';
import { answersJsonSchema } from '../../answers/index.js';
import { findItem, listItems, searchKnowledge } from '../../knowledge/search.js';
import type { RouteGroup } from '../context.js';
import { parseWith } from '../http.js';

// `?kind=` (empty) means every kind, as leaving it out does.
const KindQuery = z.object({
  kind: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  // `full=true` adds each item's whole record, so a page can load a whole kind in one request.
  full: z.enum(['true', 'false']).optional(),
});
const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const ItemId = z.string().min(1).max(120);

/** Registers the schema and knowledge-base routes. */
export const knowledgeRoutes: RouteGroup = (app) => {
  app.get('/api/schema/answers', (c) => c.json(answersJsonSchema()));

  app.get('/api/kb', (c) => {
    const { kind, full } = parseWith(KindQuery, c.req.query());
    const items = listItems(kind);
    if (full !== 'true') return c.json(items);
    return c.json(items.map((i) => ({ ...i, item: findItem(`${i.kind}:${i.id}`).item })));
  });

  app.get('/api/kb/search', (c) => {
    const { q, limit } = parseWith(SearchQuery, c.req.query());
    return c.json(searchKnowledge(q, limit));
  });

  app.get('/api/kb/items/:id', (c) => {
    const id = parseWith(ItemId, c.req.param('id'));
    const { kind, item } = findItem(id);
    return c.json({ kind, item });
  });
};
