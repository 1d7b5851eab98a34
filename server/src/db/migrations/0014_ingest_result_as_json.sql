ALTER TABLE "spreadsheet" ALTER COLUMN "ingest_result" SET DATA TYPE json USING "ingest_result"::json;
