# Sourced by the whole-process benchmarks (whole.sh, memory.sh): a scaled
# corpus, N copies of every file under distinct names (templates keep their
# @), so job names, unit names and cross-file rules stay valid. Needs
# $CORPUS and $WORK.
scale() { # kind ext n
  local dst=$WORK/$1-x$3 f base k
  mkdir -p "$dst"
  for f in "$CORPUS/$1"/*."$2"; do
    base=$(basename "$f" ".$2")
    for ((k = 0; k < $3; k++)); do
      if [[ $base == *@ ]]; then cp "$f" "$dst/${base%@}-$k@.$2"
      else cp "$f" "$dst/$base-$k.$2"; fi
    done
  done
  echo "$dst"
}
