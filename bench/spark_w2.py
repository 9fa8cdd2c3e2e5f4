#!/usr/bin/python3
"""W2 trained data-parallel on a Spark standalone cluster on loopback, beside one machine, as a Markdown table.

W2 is the anchors' MLP 784-256-10 (SGD lr 0.1, batch 128, 5 epochs, full Fashion-MNIST). This runs it
  - on one machine:                 ruru train ... --threads 1
  - on a loopback cluster:          a Spark master and N workers (1 core each) started here from Spark 4.2's
                                    jars (resolved by Maven into a SPARK_HOME made for the run), then
                                    ruru train ... --spark spark://127.0.0.1:PORT --workers N --sync-every K
and reports test accuracy after the epochs, seconds per epoch, the mean round and the share of each
round spent outside the workers' computation (broadcast, scheduling, aggregation), and the bytes each
round moves, from the run's metrics.json. On one machine the workers share its cores with the driver:
the table measures the protocol's overhead, not a speed-up.

Usage, from the repository root (builds the jar if needed; about 15 minutes on 2 cores):
    /usr/bin/python3 bench/spark_w2.py [EPOCHS] [K...]        # e.g. 5 1 10
Options: --workers N,N (default 1,2), --outer RATE,M (the cluster runs also with --outer-momentum RATE,M
beside plain averaging, for K > 1), --seeds S,S (the one-machine run for each seed, to show its spread;
default 1).
"""
import json, os, re, shutil, socket, subprocess, sys, tempfile, time

from benchenv import bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W2 = ["--model", "mlp", "--hidden", "256", "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0", "--batch-size", "128",
      "--validation-split", "0", "--threads", "1"]


def spark_home(work):
    """A SPARK_HOME whose jars/ holds spark-core's jars as Maven resolves them for the version in pom.xml."""
    version = re.search(r"<spark.version>(.*)</spark.version>", open(os.path.join(ROOT, "pom.xml")).read()).group(1)
    project = os.path.join(work, "resolve")
    os.makedirs(project)
    with open(os.path.join(project, "pom.xml"), "w") as pom:
        pom.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>spark-home</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId>
<version>{version}</version></dependency></dependencies></project>""")
    listing = os.path.join(project, "classpath.txt")
    subprocess.run(["mvn", "-q", "-B", "-Dstyle.color=never", "dependency:build-classpath", f"-Dmdep.outputFile={listing}"], cwd=project, check=True)
    jars = os.path.join(work, "spark", "jars")
    os.makedirs(jars)
    for jar in open(listing).read().strip().split(os.pathsep):
        os.symlink(jar, os.path.join(jars, os.path.basename(jar)))
    return os.path.join(work, "spark"), version


def java():
    home = subprocess.run(["bash", "-c", f"source {ROOT}/bin/find-jdk >/dev/null && echo $JAVA_HOME"], capture_output=True, text=True,
                          check=True).stdout.strip()
    return os.path.join(home, "bin", "java")


def spark_options():
    return re.search(r"<spark.jvm.options>(.*)</spark.jvm.options>", open(os.path.join(ROOT, "pom.xml")).read()).group(1).split()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(home, workers, work):
    """A master and `workers` one-core workers on 127.0.0.1; returns (master URL, processes)."""
    os.makedirs(work)
    env = bench_env(SPARK_HOME=home, SPARK_LOCAL_IP="127.0.0.1", SPARK_SCALA_VERSION="2.13")
    classpath = os.path.join(home, "jars", "*")
    port = free_port()
    base = [java(), "-Xmx512m", "-cp", classpath, *spark_options()]
    log = lambda name: open(os.path.join(work, name + ".log"), "w")
    processes = [subprocess.Popen([*base, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
                                   "--webui-port", "0"], env=env, stdout=log("master"), stderr=subprocess.STDOUT)]
    time.sleep(5)
    for i in range(workers):
        processes.append(subprocess.Popen([*base, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                                           "--memory", "2g", "--webui-port", "0", "--work-dir", os.path.join(work, f"work{i}"),
                                           f"spark://127.0.0.1:{port}"], env=env, stdout=log(f"worker{i}"), stderr=subprocess.STDOUT))
    time.sleep(5)
    return f"spark://127.0.0.1:{port}", processes


def stop(processes):
    for p in reversed(processes):
        subprocess.run(["pkill", "-TERM", "-P", str(p.pid)])
        p.terminate()
    for p in processes:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()


def train(out, epochs, extra, env):
    start = time.time()
    run = subprocess.run([os.path.join(ROOT, "ruru"), "train", *W2, "--epochs", str(epochs), "--out", out, *extra], env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"spark_w2: ruru train {' '.join(extra)} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    metrics = json.load(open(os.path.join(out, "metrics.json")))
    epochs_ = metrics["epochs"]
    row = {"accuracy": metrics["test_accuracy"], "seconds": sum(e["seconds"] for e in epochs_) / len(epochs_), "wall": time.time() - start}
    if "train_round_seconds" in epochs_[0]:
        row["round"] = sum(e["train_round_seconds"] for e in epochs_) / len(epochs_)
        row["communication"] = sum(e["train_communication_seconds"] for e in epochs_) / len(epochs_)
        row["megabytes"] = epochs_[0]["train_exchanged_megabytes"]
    return row


def options(argv):
    """Positional EPOCHS and K..., and the --workers, --outer and --seeds options."""
    flags = {"--workers": "1,2", "--outer": None, "--seeds": "1"}
    positional = []
    i = 0
    while i < len(argv):
        if argv[i] in flags:
            flags[argv[i]] = argv[i + 1]
            i += 2
        else:
            positional.append(argv[i])
            i += 1
    epochs = int(positional[0]) if positional else 5
    ks = [int(k) for k in positional[1:]] or [1, 10]
    return epochs, ks, [int(w) for w in flags["--workers"].split(",")], flags["--outer"], flags["--seeds"].split(",")


def main():
    epochs, ks, worker_counts, outer, seeds = options(sys.argv[1:])
    work = tempfile.mkdtemp(prefix="ruru-spark-bench-")
    try:
        home, version = spark_home(work)
        rows = []
        for seed in seeds:
            local = train(os.path.join(work, f"local{seed}"), epochs, ["--seed", seed], bench_env())
            rows.append((f"one machine, 1 thread, seed {seed}", "-", local))
        for workers in worker_counts:
            master, processes = start_cluster(home, workers, os.path.join(work, f"cluster{workers}"))
            try:
                for k in ks:
                    variants = [("", [])] + ([(f", outer {outer}", ["--outer-momentum", outer])] if outer and k > 1 else [])
                    for label, extra_outer in variants:
                        extra = ["--seed", "1", "--spark", master, "--workers", str(workers), "--sync-every", str(k), *extra_outer]
                        rows.append((f"loopback cluster, {workers} worker{'s' if workers > 1 else ''}{label}", k,
                                     train(os.path.join(work, f"spark{workers}-{k}{label.replace(' ', '')}"), epochs, extra,
                                           bench_env(SPARK_HOME=home))))
            finally:
                stop(processes)
        print(f"W2 ({epochs} epochs, full Fashion-MNIST), Spark {version}, {os.cpu_count()} cores\n")
        print("| where | K | test acc. | s/epoch | mean round (s) | outside computation | MB per round |")
        print("|---|---|---|---|---|---|---|")
        for where, k, r in rows:
            if "round" in r:
                share = f"{r['communication'] / r['round']:.0%}"
                print(f"| {where} | {k} | {r['accuracy']:.4f} | {r['seconds']:.1f} | {r['round']:.3f} | {share} | {r['megabytes']:.2f} |")
            else:
                print(f"| {where} | {k} | {r['accuracy']:.4f} | {r['seconds']:.1f} | - | - | - |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
