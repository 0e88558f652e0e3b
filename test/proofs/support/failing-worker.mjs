// A stand-in solver worker for test/proofs/solver-pool.test.ts that dies before it is ready.
throw new Error("this worker never starts");
