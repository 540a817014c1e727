#!/bin/sh
# Installs the Debian packages the tests use as independent verifiers (idempotent: installs only what is missing).
#   chromium                 browser tests (playwright-core drives /usr/bin/chromium)
#   poppler-utils            pdfsig / pdftotext: verifies PDF signatures independently of the signing code
#   libnss3-tools            certutil: the NSS database pdfsig trusts the demo root in
#   libreoffice-writer-nogui soffice: converts the exported .docx to PDF (libs/documents/src/lib/docx/docx-libreoffice.spec.ts)
#   fonts-liberation2        Liberation Serif 2.x, metric-compatible with Times New Roman and with every Vietnamese letter
#                            (1.x lacks the letters with two marks: ộ, ủ, ệ…, which then fall back to another font)
set -eu
PACKAGES="chromium poppler-utils libnss3-tools libreoffice-writer-nogui fonts-liberation2"
missing=""
for p in $PACKAGES; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    echo "install-verifiers: $p already installed"
  else
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "install-verifiers: nothing to install"
  exit 0
fi
echo "install-verifiers: installing$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
echo "install-verifiers: installed$missing"
