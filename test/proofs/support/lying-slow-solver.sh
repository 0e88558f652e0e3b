#!/bin/sh
# A solver that answers sat, with a value, only after a second: the race keeps whoever answered first.
cat >/dev/null
sleep 1
echo sat
echo "((svm_value_0 #x00000001))"
