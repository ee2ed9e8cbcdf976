# Finds a JDK 21 or newer (sourced by .ci/run and .ci/mvn): JAVA_HOME if it is one, else the
# newest under /usr/lib/jvm or /opt/java. Prints its folder, or nothing.
# Version lines are cut with awk, which reads all its input (head would close the pipe early).

java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | awk 'NR == 1'
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  for dir in $(ls -d /usr/lib/jvm/*/ /opt/java/*/ 2>/dev/null | sort -rV); do
    dir=${dir%/}
    if [ -x "$dir/bin/javac" ] && [ "$(java_major "$dir")" -ge 21 ] 2>/dev/null; then
      echo "$dir"; return
    fi
  done
}
