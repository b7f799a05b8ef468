#!/usr/bin/env bash
# Rewrites Registry.Api/openapi/v1.json from the document the registry serves (GET /swagger/v1/swagger.json).
# Run it after an intended API change and commit the file with the change, so the review shows the API diff.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
UPDATE_OPENAPI=1 dotnet test tests/Registry.Api.Tests --filter "FullyQualifiedName~OpenApiDocumentTests.Served_document_equals_the_checked_in_file" "$@"
git diff --stat -- Registry.Api/openapi/v1.json
