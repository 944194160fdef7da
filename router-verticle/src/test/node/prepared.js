// mysql2 execute() through Junction: CLIENTS connections each run STATEMENTS distinct prepared statements ROUNDS
// times and check every answer. Prints {"wrong": n, "executes": n} and exits 0, or prints the error and exits 1.
const mysql = require('mysql2/promise');

const [port, clients, statements, rounds] = process.argv.slice(2).map(Number);

async function main() {
  const connections = await Promise.all(Array.from({ length: clients }, () => mysql.createConnection({
    host: '127.0.0.1', port, user: 'app', password: 'apppw', database: 'app',
  })));
  let wrong = 0;
  let executes = 0;
  await Promise.all(connections.map(async (connection, client) => {
    for (let round = 0; round < rounds; round++) {
      for (let s = 0; s < statements; s++) {
        const statement = (s + client) % statements;
        const id = 1 + (client * 7 + statement * 13 + round) % 1000;
        const [rows] = await connection.execute(`SELECT v, ? AS tag FROM kv WHERE id = ? /* s${statement} */`, ['t' + statement, id]);
        executes++;
        if (rows.length !== 1 || rows[0].v !== 'v' + id || rows[0].tag !== 't' + statement) {
          wrong++;
        }
      }
    }
    await connection.end();
  }));
  console.log(JSON.stringify({ wrong, executes }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
