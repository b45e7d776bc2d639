# Runs PROGRAM with ARGS (a ;-list) and writes its stdout to OUTPUT; fails
# the build if it exits non-zero. Used to let the built program write its
# own shell completions without relying on a shell's redirection.
#   cmake -DPROGRAM=... -DARGS=... -DOUTPUT=... -P run_to_file.cmake
execute_process(COMMAND "${PROGRAM}" ${ARGS}
                OUTPUT_FILE "${OUTPUT}.tmp"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} ${ARGS}: exit status ${status}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
