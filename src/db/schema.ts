// The one Drizzle schema: each module owns its tables; this file gathers them for drizzle-kit.
export * from '../regions/schema.ts';
export * from '../identity/schema.ts';
export * from '../audit/schema.ts';
export * from '../notifications/schema.ts';
export * from '../catalogue/schema.ts';
export * from '../sakina/schema.ts';
export * from '../applications/schema.ts';
export * from '../queue/schema.ts';
