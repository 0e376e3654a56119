CREATE TABLE "audit_chain_head" (
	"regency_code" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
