

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "is_session" BOOLEAN NOT NULL DEFAULT false;

-- DropTable
DROP TABLE "login_failures";

-- CreateTable
CREATE TABLE "auth_attempts" (
    "id" BIGSERIAL NOT NULL,
    "key" VARCHAR(400) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_login_addresses" (
    "user_id" INTEGER NOT NULL,
    "address" VARCHAR(64) NOT NULL,
    "last_login_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_login_addresses_pkey" PRIMARY KEY ("user_id","address")
);

-- CreateIndex
CREATE INDEX "auth_attempts_key_expires_at_idx" ON "auth_attempts"("key", "expires_at");

-- CreateIndex
CREATE INDEX "auth_attempts_expires_at_idx" ON "auth_attempts"("expires_at");

-- AddForeignKey
ALTER TABLE "known_login_addresses" ADD CONSTRAINT "known_login_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: tokens issued before expiry existed. Those from signup and login are the
-- browser and login sessions (30 days, sliding from now on); tokens made on purpose keep never
-- expiring, as they were promised.
UPDATE "api_tokens" SET "is_session" = true, "expires_at" = CURRENT_TIMESTAMP + INTERVAL '30 days'
WHERE "name" IN ('signup', 'login') AND "revoked_at" IS NULL;
