#!/usr/bin/python3
"""The same `ruru train` job through Spark's own submit entry point, on a standalone cluster on loopback.

There is no Spark distribution here: Spark 4.2's jars come from Maven (as in spark_w2.py), and the job is
submitted with org.apache.spark.deploy.SparkSubmit, the class that `spark-submit` runs:

    java <Spark's JDK options> -cp SPARK_HOME/jars/* org.apache.spark.deploy.SparkSubmit \\
        --master spark://127.0.0.1:PORT --class dev.ruru.cli.Ruru ruru-cli/target/ruru-spark-submit.jar \\
        train --model mlp --data-dir DATA --spark submit --workers 2 ...

The application jar is ruru-spark-submit.jar (ruru.jar less what Spark provides); the data are the first
6,000 training and 1,000 test images of Fashion-MNIST written as plain IDX files, so each executor seeks
to its shard. Checks that the run exits 0, says it ran on spark-submit's master, and writes a model and a
metrics.json whose test accuracy is far above chance; prints the run's last lines and the check's result.

Usage, from the repository root (builds the jars if needed; a few minutes on 2 cores):
    /usr/bin/python3 bench/spark_submit_check.py
"""
import gzip, json, os, shutil, struct, subprocess, sys, tempfile

from benchenv import bench_env
from spark_w2 import ROOT, java, spark_home, spark_options, start_cluster, stop

SOURCE = "/usr/share/datasets/fashion-mnist"


def write_sample(target):
    """The first 6,000 training and 1,000 test images and labels of Fashion-MNIST as plain IDX files."""
    os.makedirs(target)
    for name, count in (("train-images-idx3-ubyte", 6000), ("train-labels-idx1-ubyte", 6000),
                        ("t10k-images-idx3-ubyte", 1000), ("t10k-labels-idx1-ubyte", 1000)):
        with gzip.open(os.path.join(SOURCE, name + ".gz")) as f:
            magic = f.read(4)
            rank = magic[3]
            dims = list(struct.unpack(">" + "I" * rank, f.read(4 * rank)))
            record = 1
            for d in dims[1:]:
                record *= d
            body = f.read(count * record)
        with open(os.path.join(target, name), "wb") as out:
            out.write(magic + struct.pack(">" + "I" * rank, count, *dims[1:]) + body)


def main():
    subprocess.run(["mvn", "-q", "-B", "-o", "-DskipTests", "-pl", "ruru-cli", "-am", "package"], cwd=ROOT, check=True,
                   env=bench_env(JAVA_HOME=os.path.dirname(os.path.dirname(java()))))
    jar = os.path.join(ROOT, "ruru-cli", "target", "ruru-spark-submit.jar")
    work = tempfile.mkdtemp(prefix="ruru-spark-submit-")
    try:
        data = os.path.join(work, "data")
        write_sample(data)
        home, version = spark_home(work)
        master, processes = start_cluster(home, 2, os.path.join(work, "cluster"))
        out = os.path.join(work, "run")
        try:
            submit = [java(), *spark_options(), "--enable-native-access=ALL-UNNAMED", "-cp", os.path.join(home, "jars", "*"),
                      "org.apache.spark.deploy.SparkSubmit", "--master", master, "--class", "dev.ruru.cli.Ruru", jar,
                      "train", "--model", "mlp", "--hidden", "64", "--epochs", "1", "--batch-size", "128", "--data-dir", data,
                      "--spark", "submit", "--workers", "2", "--out", out]
            run = subprocess.run(submit, env=bench_env(SPARK_HOME=home, SPARK_LOCAL_IP="127.0.0.1", SPARK_SCALA_VERSION="2.13"),
                                 capture_output=True, text=True, timeout=900)
        finally:
            stop(processes)
        print("\n".join(run.stdout.strip().splitlines()[-8:]))
        problems = []
        if run.returncode != 0:
            problems.append(f"exit code {run.returncode}:\n{run.stderr[-3000:]}")
        elif "steps on spark (spark-submit's master), 2 workers" not in run.stdout:
            problems.append("the run does not say it trained on spark-submit's master")
        else:
            accuracy = json.load(open(os.path.join(out, "metrics.json")))["test_accuracy"]
            if not os.path.isfile(os.path.join(out, "model.safetensors")) or accuracy < 0.6:
                problems.append(f"test accuracy {accuracy} (expected > 0.6) or no model.safetensors")
        jar_mb = os.path.getsize(jar) / 1e6
        if problems:
            raise SystemExit("spark_submit_check: FAILED: " + "; ".join(problems))
        print(f"spark_submit_check: OK (Spark {version}, SparkSubmit against {master}, application jar {jar_mb:.1f} MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
