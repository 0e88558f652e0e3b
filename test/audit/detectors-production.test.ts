/**
 * The shapes of widely audited contracts (an OpenZeppelin 2.x-style token with SafeMath and
 * Ownable, a wrapped-ether contract, a multi-owner wallet with a reentrancy guard, a 0.8 vault)
 * must not yield a high-severity finding: the precision bar for production code.
 */
import { describe, expect, it } from "vitest";
import { analyseSource } from "../../src/audit/analyse.js";

function highFindings(source: string): string[] {
  const { report, findings } = analyseSource(source, { bytecode: false });
  expect(report.status, report.message).toBe("analysed");
  return findings.filter((f) => f.detector.severity === "high").map((f) => `${f.detector.id}@${f.location.line}: ${f.message}`);
}

const TOKEN = `pragma solidity ^0.4.24;
library SafeMath {
  function mul(uint256 a, uint256 b) internal pure returns (uint256) { if (a == 0) return 0; uint256 c = a * b; require(c / a == b); return c; }
  function div(uint256 a, uint256 b) internal pure returns (uint256) { require(b > 0); return a / b; }
  function sub(uint256 a, uint256 b) internal pure returns (uint256) { require(b <= a); return a - b; }
  function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a); return c; }
}
contract Ownable {
  address public owner;
  event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
  constructor() public { owner = msg.sender; }
  modifier onlyOwner() { require(msg.sender == owner); _; }
  function transferOwnership(address newOwner) public onlyOwner { require(newOwner != address(0)); emit OwnershipTransferred(owner, newOwner); owner = newOwner; }
  function renounceOwnership() public onlyOwner { owner = address(0); }
}
contract Token is Ownable {
  using SafeMath for uint256;
  mapping(address => uint256) balances;
  mapping(address => mapping(address => uint256)) allowed;
  uint256 public totalSupply;
  bool public mintingFinished;
  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);
  function transfer(address to, uint256 value) public returns (bool) {
    require(value <= balances[msg.sender]);
    require(to != address(0));
    balances[msg.sender] = balances[msg.sender].sub(value);
    balances[to] = balances[to].add(value);
    emit Transfer(msg.sender, to, value);
    return true;
  }
  function transferFrom(address from, address to, uint256 value) public returns (bool) {
    require(value <= balances[from]);
    require(value <= allowed[from][msg.sender]);
    balances[from] = balances[from].sub(value);
    balances[to] = balances[to].add(value);
    allowed[from][msg.sender] = allowed[from][msg.sender].sub(value);
    emit Transfer(from, to, value);
    return true;
  }
  function approve(address spender, uint256 value) public returns (bool) {
    allowed[msg.sender][spender] = value;
    emit Approval(msg.sender, spender, value);
    return true;
  }
  function mint(address to, uint256 amount) public onlyOwner returns (bool) {
    require(!mintingFinished);
    totalSupply = totalSupply.add(amount);
    balances[to] = balances[to].add(amount);
    emit Transfer(address(0), to, amount);
    return true;
  }
  function finishMinting() public onlyOwner { mintingFinished = true; }
  function reclaimEther() external onlyOwner { owner.transfer(address(this).balance); }
}`;

const WETH = `pragma solidity ^0.4.18;
contract WETH9 {
  string public name = "Wrapped Ether";
  mapping (address => uint) public balanceOf;
  mapping (address => mapping (address => uint)) public allowance;
  event Deposit(address indexed dst, uint wad);
  event Withdrawal(address indexed src, uint wad);
  function() public payable { deposit(); }
  function deposit() public payable { balanceOf[msg.sender] += msg.value; Deposit(msg.sender, msg.value); }
  function withdraw(uint wad) public {
    require(balanceOf[msg.sender] >= wad);
    balanceOf[msg.sender] -= wad;
    msg.sender.transfer(wad);
    Withdrawal(msg.sender, wad);
  }
  function totalSupply() public view returns (uint) { return this.balance; }
  function approve(address guy, uint wad) public returns (bool) { allowance[msg.sender][guy] = wad; return true; }
  function transferFrom(address src, address dst, uint wad) public returns (bool) {
    require(balanceOf[src] >= wad);
    if (src != msg.sender && allowance[src][msg.sender] != uint(-1)) {
      require(allowance[src][msg.sender] >= wad);
      allowance[src][msg.sender] -= wad;
    }
    balanceOf[src] -= wad;
    balanceOf[dst] += wad;
    return true;
  }
}`;

const WALLET = `pragma solidity ^0.5.0;
contract ReentrancyGuard {
  uint256 private guardCounter = 1;
  modifier nonReentrant() { guardCounter += 1; uint256 localCounter = guardCounter; _; require(localCounter == guardCounter); }
}
contract MultiSig is ReentrancyGuard {
  mapping(address => bool) public isOwner;
  address[] public owners;
  uint public required;
  struct Transaction { address payable destination; uint value; bytes data; bool executed; }
  mapping(uint => Transaction) public transactions;
  mapping(uint => mapping(address => bool)) public confirmations;
  uint public transactionCount;
  modifier onlyWallet() { require(msg.sender == address(this)); _; }
  modifier ownerExists(address owner) { require(isOwner[owner]); _; }
  constructor(address[] memory _owners, uint _required) public {
    for (uint i = 0; i < _owners.length; i++) { isOwner[_owners[i]] = true; }
    owners = _owners;
    required = _required;
  }
  function addOwner(address owner) public onlyWallet { isOwner[owner] = true; owners.push(owner); }
  function removeOwner(address owner) public onlyWallet {
    isOwner[owner] = false;
    for (uint i = 0; i < owners.length - 1; i++) if (owners[i] == owner) { owners[i] = owners[owners.length - 1]; break; }
    owners.length -= 1;
  }
  function submit(address payable destination, uint value, bytes memory data) public ownerExists(msg.sender) returns (uint id) {
    id = transactionCount;
    transactions[id] = Transaction(destination, value, data, false);
    transactionCount += 1;
    confirm(id);
  }
  function confirm(uint id) public ownerExists(msg.sender) { confirmations[id][msg.sender] = true; execute(id); }
  function execute(uint id) public ownerExists(msg.sender) nonReentrant {
    Transaction storage txn = transactions[id];
    if (isConfirmed(id) && !txn.executed) {
      txn.executed = true;
      (bool ok, ) = txn.destination.call.value(txn.value)(txn.data);
      if (!ok) txn.executed = false;
    }
  }
  function isConfirmed(uint id) public view returns (bool) {
    uint count = 0;
    for (uint i = 0; i < owners.length; i++) { if (confirmations[id][owners[i]]) count += 1; if (count == required) return true; }
    return false;
  }
}`;

const VAULT = `pragma solidity ^0.8.20;
interface IERC20 { function transfer(address to, uint256 v) external returns (bool); function transferFrom(address f, address t, uint256 v) external returns (bool); }
contract Vault {
  IERC20 public immutable asset;
  address public owner;
  mapping(address => uint256) public shares;
  uint256 public totalShares;
  uint256 public unlockAt;
  constructor(IERC20 a) { asset = a; owner = msg.sender; unlockAt = block.timestamp + 7 days; }
  function deposit(uint256 amount) external {
    require(asset.transferFrom(msg.sender, address(this), amount));
    shares[msg.sender] += amount;
    totalShares += amount;
  }
  function withdraw(uint256 amount) external {
    require(block.timestamp >= unlockAt, "locked");
    shares[msg.sender] -= amount;
    totalShares -= amount;
    require(asset.transfer(msg.sender, amount));
  }
  function sweep() external { require(msg.sender == owner); payable(owner).transfer(address(this).balance); }
}`;

describe("production-shaped contracts", () => {
  it.each([
    ["an OpenZeppelin 2.x-style token", TOKEN],
    ["wrapped ether", WETH],
    ["a multi-owner wallet with a reentrancy guard", WALLET],
    ["a 0.8 vault", VAULT],
  ])("%s has no high-severity finding", (_name, source) => {
    expect(highFindings(source)).toEqual([]);
  });
});
